namespace CloudNative.Bench.Gateway;

/// <summary>One wrk run against one target, with the CPU each process spent meanwhile.</summary>
internal sealed record Measurement(Target Target, int Round, WrkResult Wrk, CpuUse Cpu);
