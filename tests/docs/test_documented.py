"""Every setting and every CLI command is documented in README.md; every query file parses."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from kg.cli.main import COMMANDS, parser
from kg.settings import Settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_every_setting_is_documented_with_its_environment_variable(name: str) -> None:
    assert f"ICSKG_{name.upper()}" in README, f"document ICSKG_{name.upper()} in README.md"
    assert Settings.model_fields[name].description, f"give the setting {name} a description"


def _subcommand_options(command: str) -> list[str]:
    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    options = []
    for action in sub.choices[command]._actions:
        options += [o for o in action.option_strings if o.startswith("--") and o != "--help"]
    return options


@pytest.mark.parametrize("command", COMMANDS)
def test_every_cli_command_and_option_is_documented(command: str) -> None:
    assert re.search(rf"`icskg {command}\b", README), f"document `icskg {command}` in README.md"
    for option in _subcommand_options(command):
        assert option in README, f"document `icskg {command} {option}` in README.md"


def test_the_readme_opens_with_the_two_commands() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README, flags=re.S)
    assert blocks[0].endswith("icskg serve")
    assert blocks[1].endswith("pytest")
    assert README.index(blocks[1]) < README.index("## ")
