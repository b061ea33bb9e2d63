using System.Diagnostics;
using k8s;
using k8s.Models;

namespace ConcurrencyLab.AppHost.Tests;

/// <summary>
/// deploy/ builds with kustomize (offline) into documents that parse strictly as the
/// Kubernetes types they claim to be, with the shape the README describes.
/// </summary>
public sealed class DeployManifestTests
{
    private static readonly string[] Services = ["membership", "sitestub", "iorunner", "cpurunner", "gateway"];

    [Fact]
    public async Task TheKustomizationBuildsIntoStrictlyValidDocumentsForEveryService()
    {
        var documents = KubernetesYaml.LoadAllFromString(await KustomizeAsync(), strict: true);

        Assert.Single(documents.OfType<V1Namespace>(), ns => ns.Metadata.Name == "concurrency-lab");
        var deployments = documents.OfType<V1Deployment>().ToList();
        Assert.Equal(Services.Order(), deployments.Select(deployment => deployment.Metadata.Name).Order());
        Assert.Equal(Services.Order(), documents.OfType<V1Service>().Select(service => service.Metadata.Name).Order());
        Assert.All(deployments, deployment =>
        {
            Assert.Equal("concurrency-lab", deployment.Metadata.NamespaceProperty);
            var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
            Assert.Equal($"concurrency-lab/{deployment.Metadata.Name}:latest", container.Image);
            Assert.Equal("/health", container.ReadinessProbe.HttpGet.Path);
            Assert.Equal("/alive", container.LivenessProbe.HttpGet.Path);
        });
    }

    [Fact]
    public async Task CpuRunnerPodsAreSilosThatJoinThroughTheMembershipService()
    {
        var documents = KubernetesYaml.LoadAllFromString(await KustomizeAsync(), strict: true);

        var cpurunner = documents.OfType<V1Deployment>().Single(deployment => deployment.Metadata.Name == "cpurunner");
        var pod = cpurunner.Spec.Template;
        Assert.Equal("cpurunner", pod.Metadata.Labels["orleans/serviceId"]);
        Assert.Equal("concurrency-lab", pod.Metadata.Labels["orleans/clusterId"]);
        var env = pod.Spec.Containers[0].Env.ToDictionary(variable => variable.Name);
        Assert.Equal("membership:6379", env["Orleans__Membership"].Value);
        Assert.Equal(cpurunner.Spec.Replicas.ToString(), env["CpuRunner__Replicas"].Value);
        foreach (var (name, field) in new[] { ("POD_NAME", "metadata.name"), ("POD_NAMESPACE", "metadata.namespace"), ("POD_IP", "status.podIP") })
            Assert.Equal(field, env[name].ValueFrom.FieldRef.FieldPath);
        // Orleans' Kubernetes hosting may read and delete the silos' pods, and nothing more.
        var role = documents.OfType<V1Role>().Single();
        Assert.Equal(["pods"], role.Rules.Single().Resources);
        var binding = documents.OfType<V1RoleBinding>().Single();
        Assert.Equal((role.Metadata.Name, pod.Spec.ServiceAccountName), (binding.RoleRef.Name, binding.Subjects.Single().Name));
        var membership = documents.OfType<V1Service>().Single(service => service.Metadata.Name == "membership");
        Assert.Contains(membership.Spec.Ports, port => port.Port == 6379);
    }

    // `kubectl kustomize deploy/`: kustomize as kubectl carries it, no cluster needed.
    private static async Task<string> KustomizeAsync()
    {
        var kubectl = new[] { "/usr/bin/kubectl", "/usr/local/bin/kubectl" }.FirstOrDefault(File.Exists);
        if (kubectl is null)
            Assert.Skip("kubectl is not installed: the manifests were not built.");
        using var process = Process.Start(new ProcessStartInfo(kubectl, ["kustomize", Path.Combine(RepositoryRoot(), "deploy")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"kubectl kustomize failed: {await errors}");
        return await output;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Aspire.sln")))
                return folder.FullName;
        }

        throw new DirectoryNotFoundException("No Aspire.sln above the test's folder.");
    }
}
