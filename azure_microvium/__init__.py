"""azure-microvium: the cloud side. Resources created at deploy time, served at run time."""
