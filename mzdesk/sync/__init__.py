"""Client side of sync: outbox reader, protocol models, HTTP client, USB bundle files."""
