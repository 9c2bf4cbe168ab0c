"""Files in and out: readers for registration and attendance exports, writers later."""
