"""workbench.classify"""
