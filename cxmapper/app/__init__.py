"""The application: main window, menus and dialogs (Qt)."""
