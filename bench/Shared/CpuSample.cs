namespace CloudNative.Bench;

/// <summary>
/// CPU seconds used so far by each process of interest, labelled (several processes may share a label), and by the
/// whole machine. The difference of two samples is what each label spent in between.
/// </summary>
internal sealed record CpuSample(IReadOnlyDictionary<(int Pid, long StartTicks), (string Label, double Seconds)> Processes, double MachineBusy, double MachineTotal)
{
    /// <param name="label">The process's label, or null to leave it out.</param>
    public static CpuSample Take(IEnumerable<ProcInfo> processes, Func<ProcInfo, string?> label)
    {
        var labelled = new Dictionary<(int, long), (string, double)>();
        foreach (var process in processes)
        {
            if (label(process) is { } name)
            {
                labelled[(process.Pid, process.StartTicks)] = (name, process.CpuSeconds);
            }
        }

        var (busy, total) = ProcTable.MachineCpu();
        return new CpuSample(labelled, busy, total);
    }

    /// <summary>
    /// Adds what this process's exited children used (a load generator it ran and waited for, whose own entry in /proc
    /// is gone by then), under a label.
    /// </summary>
    public CpuSample WithExitedChildren(string label) =>
        this with
        {
            Processes = new Dictionary<(int, long), (string, double)>(Processes)
            {
                [(System.Environment.ProcessId, -1)] = (label, ProcTable.Read(System.Environment.ProcessId)?.ReapedChildrenCpuSeconds ?? 0),
            },
        };

    /// <summary>
    /// CPU seconds per label between <paramref name="before"/> and this sample (a process that started in between
    /// counts from zero; one that ended in between is missing), plus the whole machine's busy and capacity seconds.
    /// </summary>
    public CpuUse Since(CpuSample before)
    {
        var byLabel = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (id, (label, seconds)) in Processes)
        {
            var earlier = before.Processes.TryGetValue(id, out var b) ? b.Seconds : 0;
            byLabel[label] = byLabel.GetValueOrDefault(label) + (seconds - earlier);
        }

        return new CpuUse(byLabel, MachineBusy - before.MachineBusy, MachineTotal - before.MachineTotal);
    }
}

/// <param name="Capacity">Cores × wall time: what the machine could have spent.</param>
internal sealed record CpuUse(IReadOnlyDictionary<string, double> ByLabel, double MachineBusy, double Capacity)
{
    public double Wall => Capacity / Environment.ProcessorCount;
}
