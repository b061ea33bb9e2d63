using ConcurrencyLab.IoRunner;

// An IO worker process of the processes strategy, natively compiled: the same protocol and
// downloads as `IoRunner --lab-worker`.
return await IoWorkerProcess.RunAsync();
