using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

// The certificate annotations are marked for evaluation in Aspire 13.6.
#pragma warning disable ASPIRECERTIFICATES001

namespace ConcurrencyLab.AppHost.Tests;

/// <summary>
/// The lab is plain HTTP on loopback. Aspire warns in the dashboard ("No trusted development
/// certificate") when any resource has an HTTPS endpoint or may be given a certificate: none does.
/// </summary>
public sealed class PlainHttpTests
{
    [Fact]
    public async Task NoServiceHasAnHttpsEndpointOrAsksForACertificate()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(TestContext.Current.CancellationToken);
        var projects = builder.Resources.OfType<ProjectResource>().ToList();

        Assert.Equal(["cpurunner", "gateway", "iorunner", "membership", "sitestub"], projects.Select(project => project.Name).Order());
        Assert.All(projects, project =>
        {
            Assert.DoesNotContain(project.Annotations.OfType<EndpointAnnotation>(), endpoint => endpoint.UriScheme == "https");
            var certificate = project.Annotations.OfType<HttpsCertificateAnnotation>().LastOrDefault();
            Assert.NotNull(certificate);
            Assert.NotEqual(true, certificate.UseDeveloperCertificate);
            Assert.Null(certificate.Certificate);
        });
    }
}
