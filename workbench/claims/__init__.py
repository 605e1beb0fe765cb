"""workbench.claims"""
