"""Import and export of the directory in the public record format (interfaces.md)."""
