"""The four panes of the main screen and the small widgets they are built from."""
