"""Apache Jena TDB2 from Debian's `libapache-jena-java`, through Jena's own command-line tools.

Debian ships no Fuseki, so Jena cannot serve SPARQL over HTTP here without home-made
glue; its engine is tested with ``tdb2.tdbloader`` and ``tdb2.tdbquery`` instead.

Two things about Debian's 4.5.0 package: ``/usr/share/java/*`` as a classpath holds two
SLF4J bindings (the JVM stops at start-up), so the classpath lists Jena's jars and their
dependencies; and ``jena-core.jar`` has its shaded Xerces classes under ``xerces/`` but
their message bundles under ``org/apache/jena/ext/xerces/``, so every command fails in
``JenaSystem.init`` ("internal error"). The bundles are copied to where the classes look.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

JAVA_DIR = Path("/usr/share/java")
DEPENDENCIES = (
    "slf4j-api", "slf4j-nop", "commons-lang3", "commons-io", "commons-codec",
    "commons-compress", "commons-csv", "commons-cli", "jsonld-java", "jackson-core",
    "jackson-databind", "jackson-annotations", "httpclient", "httpcore", "protobuf", "gson",
    "thrift", "dexx.collection", "guava", "titanium-json-ld", "jakarta.json-api",
)
_BUNDLES = "org/apache/jena/ext/xerces/"


def jena_classpath(work: Path) -> str:
    """Jena's jars, their dependencies, and the relocated message bundles (built in ``work``)."""
    if shutil.which("java") is None or not (JAVA_DIR / "jena-tdb2.jar").is_file():
        pytest.skip("Jena is not installed (apt-get install libapache-jena-java; .ci/run "
                    "installs it)")
    bundles = work / "bundles"
    with zipfile.ZipFile(JAVA_DIR / "jena-core.jar") as jar:
        for name in jar.namelist():
            if name.startswith(_BUNDLES) and name.endswith(".properties"):
                target = bundles / "xerces" / name[len(_BUNDLES):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    jars = sorted(p for p in JAVA_DIR.glob("jena-*.jar") if not p.is_symlink())
    jars += [JAVA_DIR / f"{name}.jar" for name in DEPENDENCIES
             if (JAVA_DIR / f"{name}.jar").is_file()]
    return ":".join([str(bundles), *map(str, jars)])


class JenaTdb2:
    """A TDB2 database in a folder, loaded and queried by Jena's own commands."""

    def __init__(self, work: Path) -> None:
        self.classpath = jena_classpath(work)
        self.location = work / "tdb2"

    def _run(self, *args: str) -> str:
        done = subprocess.run(["java", "-cp", self.classpath, *args], capture_output=True,
                              text=True, timeout=300, check=False)
        if done.returncode != 0:
            raise AssertionError(f"jena {args[0]} failed: {done.stderr[-1500:]}")
        return done.stdout

    def load(self, data: Path) -> None:
        self._run("tdb2.tdbloader", "--loc", str(self.location), str(data))

    def query(self, query: str, work: Path, *, union: bool = True) -> str:
        """The answer as SPARQL JSON; ``union`` makes the default graph the named graphs'
        union (``tdb:unionDefaultGraph``, as Fuseki's assembler would)."""
        file = work / "query.rq"
        file.write_text(query)
        union_args = ("--set", "tdb:unionDefaultGraph=true") if union else ()
        return self._run("tdb2.tdbquery", "--loc", str(self.location), *union_args,
                         "--results=json", "--query", str(file))
