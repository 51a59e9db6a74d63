"""The main window: navigation between the feature pages and the status bar."""
