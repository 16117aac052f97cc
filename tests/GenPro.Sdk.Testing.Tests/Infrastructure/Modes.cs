namespace GenPro.Sdk.Testing.Tests.Infrastructure;

public static class Modes
{
    public static TheoryData<Mode> Both => new() { Mode.Handler, Mode.Server };
}
