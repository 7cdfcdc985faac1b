// The orchestrator supervises POSIX process groups (setsid, kill(2)); these tests run where it does.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
