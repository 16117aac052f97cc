using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.CallerInput;

/// <summary>
/// A recording loopback server and one client on each construction path, for the properties that pick the path per
/// generated case (a fresh client per case would cost a DI container each time).
/// </summary>
public abstract class RecordingOnBothPaths : IDisposable
{
    protected RecordingOnBothPaths(string? json = null)
    {
        Server = LoopbackServer.Recording(json: json);
        Constructed = ClientPaths.Create(ClientPaths.Constructed, ApiServer.FastOptions(Server.BaseAddress));
        Di = ClientPaths.Create(ClientPaths.DependencyInjection, ApiServer.FastOptions(Server.BaseAddress));
    }

    protected LoopbackServer Server { get; }

    protected TestClient Constructed { get; }

    protected TestClient Di { get; }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Constructed.Dispose();
            Di.Dispose();
            Server.Dispose();
        }
    }
}
