"""Stand-ins for khplan's engines and stages that fail on purpose (importable by worker processes)."""
