"""IPC symbols (parsing, normalising, hierarchy) and the IPC scheme titles."""

from workbench.ipc.code import (
    LEVELS,
    IpcCode,
    IpcRange,
    is_range,
    parse_ipc,
    parse_ipc_or_range,
    parse_range,
    try_parse_ipc,
)

__all__ = [
    "LEVELS",
    "IpcCode",
    "IpcRange",
    "is_range",
    "parse_ipc",
    "parse_ipc_or_range",
    "parse_range",
    "try_parse_ipc",
]
