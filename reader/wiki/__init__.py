"""Wikipedia background for entities: client, resolution and on-disk cache. No UI."""
