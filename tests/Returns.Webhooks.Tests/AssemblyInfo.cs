// These tests talk to real loopback servers and wait on real timeouts; run them one at a time so they do not starve each other.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
