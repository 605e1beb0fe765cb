"""workbench.store"""
