"""workbench.rules"""
