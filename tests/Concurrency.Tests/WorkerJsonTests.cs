using ConcurrencyLab.Concurrency.Workers;

namespace ConcurrencyLab.Concurrency.Tests;

public sealed class WorkerJsonTests
{
    [Fact]
    public void EachMessageIsOneJsonLineWithoutNullsAndReadsBackTheSame()
    {
        var request = new WorkerRequest(7, "say \"hi\"\n", null);
        var reply = new WorkerReply(7, false, "http_503", 512, null);

        Assert.Equal("""{"pid":42}""", WorkerJson.Write(new WorkerReady(42)));
        Assert.Equal("""{"index":7,"payload":"say \u0022hi\u0022\n"}""", WorkerJson.Write(request));
        Assert.Equal("""{"index":7,"ok":false,"error":"http_503","bytes":512}""", WorkerJson.Write(reply));
        Assert.Equal(new WorkerReady(42), WorkerJson.ReadReady(WorkerJson.Write(new WorkerReady(42))));
        Assert.Equal(request, WorkerJson.ReadRequest(WorkerJson.Write(request)));
        Assert.Equal(reply, WorkerJson.ReadReply(WorkerJson.Write(reply)));
    }

    [Fact]
    public void ARequestKeepsItsTraceParentAndAReplyItsValue()
    {
        var request = new WorkerRequest(0, "5000000", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        var reply = new WorkerReply(0, true, null, 0, "41666654166667500000");

        Assert.Equal(request, WorkerJson.ReadRequest(WorkerJson.Write(request)));
        Assert.Equal(reply, WorkerJson.ReadReply(WorkerJson.Write(reply)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"index":"seven","payload":"x"}""")]
    [InlineData("""{"payload":"x"}""")]
    public void AnythingElseIsInvalidDataNamingTheLine(string line)
    {
        var error = Assert.Throws<InvalidDataException>(() => WorkerJson.ReadRequest(line));

        Assert.Contains("Not a worker message", error.Message);
    }
}
