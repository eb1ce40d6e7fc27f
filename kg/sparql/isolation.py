"""Take the network away from a query worker before it loads anything.

The second layer of the endpoint's defence (the first is the check on the
parsed query, :mod:`kg.sparql.safety`): whatever a query makes the engine
try, the process running it cannot open an internet socket. In order of
preference:

1. its own, empty network namespace (``unshare(CLONE_NEWNET)``, as root, or
   inside a new user namespace when unprivileged users may create one): no
   interface is up, so every connect fails with ENETUNREACH;
2. a seccomp filter that makes ``socket()`` fail with EACCES for every
   address family but AF_UNIX (and refuses io_uring, which could open
   sockets without that call).

Each is verified by trying a connection afterwards. If neither can be set
up, :func:`isolate` raises and the pool refuses to start (fail closed)
unless the operator explicitly allowed unisolated workers.

Standard library only: this module runs first in a freshly spawned worker.
"""

from __future__ import annotations

import ctypes
import errno
import os
import platform
import socket
import struct

CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_RET_ALLOW = 0x7FFF0000
_RET_EACCES = 0x00050000 | errno.EACCES
_IO_URING_SETUP = 425  # the same number on x86_64 and aarch64
# (audit arch, socket syscall number) per machine.
_ARCHES = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}
MODES = ("auto", "namespace", "seccomp", "none")


class IsolationError(OSError):
    """The worker could not be cut off from the network."""


class _Filter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte),
                ("k", ctypes.c_uint)]


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_Filter))]


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def unshare_network() -> None:
    """Move this process into a new, empty network namespace."""
    libc = _libc()
    if libc.unshare(CLONE_NEWNET) == 0:
        return
    first = ctypes.get_errno()
    # Unprivileged: a user namespace grants the right to make a network namespace.
    if libc.unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0:
        return
    raise IsolationError(first, f"unshare(CLONE_NEWNET) failed: {os.strerror(first)}")


def _program(arch: int, socket_nr: int) -> list[tuple[int, int, int, int]]:
    ld, jeq, jge, ret = 0x20, 0x15, 0x35, 0x06
    return [
        (ld, 0, 0, 4),                    # 0: arch
        (jeq, 0, 6, arch),                # 1: another ABI -> deny
        (ld, 0, 0, 0),                    # 2: syscall number
        (jge, 4, 0, 0x40000000),          # 3: x32 ABI numbers -> deny
        (jeq, 3, 0, _IO_URING_SETUP),     # 4: io_uring -> deny
        (jeq, 0, 3, socket_nr),           # 5: not socket() -> allow
        (ld, 0, 0, 16),                   # 6: socket()'s address family
        (jeq, 1, 0, socket.AF_UNIX),      # 7: AF_UNIX -> allow
        (ret, 0, 0, _RET_EACCES),         # 8: deny
        (ret, 0, 0, _RET_ALLOW),          # 9: allow
    ]


def deny_inet_sockets() -> None:
    """Install a seccomp filter: socket() works for AF_UNIX only, io_uring not at all."""
    machine = platform.machine()
    if machine not in _ARCHES:
        raise IsolationError(errno.ENOSYS, f"no seccomp filter for the {machine} architecture")
    insns = _program(*_ARCHES[machine])
    filters = (_Filter * len(insns))(*(_Filter(*i) for i in insns))
    prog = _Program(len(insns), filters)
    libc = _libc()
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_ulong,
                           ctypes.c_ulong]
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, None, 0, 0) != 0:
        err = ctypes.get_errno()
        raise IsolationError(err, f"prctl(NO_NEW_PRIVS) failed: {os.strerror(err)}")
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.addressof(prog), 0, 0) != 0:
        err = ctypes.get_errno()
        raise IsolationError(err, f"seccomp filter refused: {os.strerror(err)}")


def verify() -> None:
    """Raise unless an internet connection attempt fails as isolation makes it fail."""
    for family, address in ((socket.AF_INET, ("127.0.0.1", 9)), (socket.AF_INET6, ("::1", 9))):
        try:
            sock = socket.socket(family, socket.SOCK_STREAM)
        except OSError:
            continue  # seccomp: no socket at all
        try:
            sock.settimeout(1.0)
            sock.connect(address)
        except OSError as exc:
            if exc.errno in (errno.ENETUNREACH, errno.EADDRNOTAVAIL, errno.EACCES, errno.EPERM):
                continue
            raise IsolationError(errno.EIO, f"network still reachable ({exc})") from None
        finally:
            sock.close()
        raise IsolationError(errno.EIO, "network still reachable (a connection succeeded)")


def isolate(mode: str) -> str:
    """Apply ``mode`` (see :data:`MODES`); return the method in force ("none" if allowed)."""
    if mode == "none":
        return "none"
    if mode not in MODES:
        raise IsolationError(errno.EINVAL, f"unknown isolation mode {mode!r}")
    errors: list[str] = []
    steps = {"namespace": unshare_network, "seccomp": deny_inet_sockets}
    for name in ("namespace", "seccomp") if mode == "auto" else (mode,):
        try:
            steps[name]()
            verify()
            return name
        except IsolationError as exc:
            errors.append(f"{name}: {exc.strerror}")
    raise IsolationError(errno.EPERM, "; ".join(errors))


def pack_program(arch: int, socket_nr: int) -> bytes:
    """The filter as the kernel reads it (struct sock_filter[]), for tests and review."""
    return b"".join(struct.pack("=HBBI", *i) for i in _program(arch, socket_nr))
