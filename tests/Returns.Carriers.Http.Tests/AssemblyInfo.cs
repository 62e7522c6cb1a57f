// These tests measure real delays against real loopback servers; run them one at a time so they do not starve each other.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
