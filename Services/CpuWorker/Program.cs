using ConcurrencyLab.CpuKernel;

// A CPU worker process of the processes strategy, natively compiled: the same protocol
// and kernel as `CpuRunner --lab-worker`.
return await CpuWorker.RunAsync();
