"""workbench.ipc"""
