"""The app's screens: the main four-pane view, help, source view and compare view."""
