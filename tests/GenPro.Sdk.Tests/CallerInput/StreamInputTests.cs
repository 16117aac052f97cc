using FsCheck;
using FsCheck.Fluent;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.CallerInput;

/// <summary>
/// Upload streams that lie (<see cref="LyingStream"/>): a wrong <c>Length</c> either way, <c>CanSeek</c> then a throwing
/// seek, short reads, and a read that ignores cancellation. An honest stream, however it reads, is sent byte for byte;
/// a stream whose <c>Length</c> lies ends the call with the caller's <see cref="IOException"/> naming the image before
/// the request is complete (the server receives no whole request); one that cannot seek after saying it can is refused
/// before sending; one that ignores cancellation does not hold the call.
/// </summary>
public sealed class StreamInputTests : RecordingOnBothPaths
{
    private static readonly TimeSpan HardBound = TimeSpan.FromSeconds(20);
    private enum Lie
    {
        None,
        NoneNonSeekable,
        LongerLength,
        ShorterLength,
        SeekThrows,
    }

    [Fact]
    public void Any_stream_is_sent_byte_for_byte_or_fails_as_the_callers_own_naming_the_image()
    {
        var gen =
            from size in Gen.Choose(LyingStream.SniffLength, 300_000)
            from lie in Gen.Elements(Enum.GetValues<Lie>())
            from maxRead in Gen.OneOf(Gen.Choose(1, 64), Gen.Constant(int.MaxValue))
            from off in Gen.Choose(1, 5000)
            from via in Gen.Elements("upload", "create")
            from di in Gen.Elements(false, true)
            select (Size: maxRead < 64 ? Math.Min(size, 4096) : size, Lie: lie, MaxRead: maxRead, Off: off, Via: via, Di: di);

        CallerInputCases.ForAll(gen, c =>
        {
            var image = new byte[c.Size];
            Random.Shared.NextBytes(image);
            Images.Png.CopyTo(image, 0);
            using var stream = new LyingStream(image)
            {
                MaxRead = c.MaxRead,
                Seekable = c.Lie != Lie.NoneNonSeekable,
                SeekThrows = c.Lie == Lie.SeekThrows,
                AnnouncedLength = c.Lie switch
                {
                    Lie.LongerLength => c.Size + c.Off,
                    Lie.ShorterLength => Math.Max(0, c.Size - c.Off),
                    _ => null,
                },
            };
            var client = c.Di ? Di : Constructed;
            var upload = AvatarUpload.FromStream(stream, "lying.png");
            Task Send() => c.Via == "upload"
                ? client.Avatars.UploadAsync(42, [upload])
                : client.Agents.CreateAsync(new CreateAgentRequest { Name = "A", Avatars = { upload } });
            Server.ResponseJson = c.Via == "upload" ? null : Samples.CreatedAgent;
            var paramName = c.Via == "upload" ? "uploads" : "request";
            var before = Server.Requests.Count;

            switch (c.Lie)
            {
                case Lie.None or Lie.NoneNonSeekable:
                    Send().WaitAsync(HardBound).GetAwaiter().GetResult();
                    Server.Requests.Should().HaveCount(before + 1);
                    var request = Server.Requests[^1];
                    WireParts.Parts(request.ContentType, request.Body!).Single(p => p.FileName is not null).Body.Should().Equal(image);
                    break;
                case Lie.LongerLength or Lie.ShorterLength:
                    var e = FluentActions.Awaiting(() => Send().WaitAsync(HardBound)).Should().ThrowExactlyAsync<IOException>().GetAwaiter().GetResult().Which;
                    e.Message.Should().Contain("lying.png").And.Contain("Length");
                    Server.Requests.Should().HaveCount(before, "no whole request reached the server");
                    break;
                case Lie.SeekThrows:
                    Refusals.Refused(() => Send().WaitAsync(HardBound), paramName).Message.Should().Contain("lying.png").And.Contain("CanSeek");
                    Server.Requests.Should().HaveCount(before);
                    break;
            }
        });
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_stream_that_ignores_cancellation_does_not_hold_the_call(string path)
    {
        using var server = LoopbackServer.Silent();
        using var client = ClientPaths.Create(path, ApiServer.FastOptions(server.BaseAddress));
        var hang = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var image = new byte[4096];
        Images.Png.CopyTo(image, 0);
        using var stream = new LyingStream(image) { MaxRead = LyingStream.SniffLength, HangAfterHead = hang };
        using var cts = new CancellationTokenSource();
        try
        {
            var upload = client.Avatars.UploadAsync(42, [AvatarUpload.FromStream(stream, "stuck.png")], cts.Token);
            await stream.Hanging.WaitAsync(HardBound); // the body is being written and waits on the stuck read
            await cts.CancelAsync();

            var e = (await FluentActions.Awaiting(() => upload.WaitAsync(HardBound)).Should().ThrowAsync<OperationCanceledException>()).Which;
            e.Should().NotBeOfType<TimeoutException>();
            e.CancellationToken.Should().Be(cts.Token);
        }
        finally
        {
            hang.TrySetResult();
        }
    }
}
