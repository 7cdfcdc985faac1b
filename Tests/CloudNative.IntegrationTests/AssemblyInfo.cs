// Each booted application runs a dozen processes; two at once on a 2-core machine only slows both down.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
