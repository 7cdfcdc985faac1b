// Tests observe process-wide state: ActivityListeners and MeterListeners, and whether anything listens at all
// (every started WebApplication with service defaults listens to our sources). One test at a time keeps them exact.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
