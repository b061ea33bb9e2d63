namespace ConcurrencyLab.AppHost.Tests;

/// <summary>
/// Every AppHost test class shares the one lab (LabAppFixture) and runs in this
/// collection, one class after another: a test that kills a replica, stops a service or
/// bursts 10,000 connections must never overlap another's measurements.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LabCollection
{
    public const string Name = "lab";
}
