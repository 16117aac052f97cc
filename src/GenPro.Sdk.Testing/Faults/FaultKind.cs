namespace GenPro.Sdk.Testing.Faults;

internal enum FaultKind
{
    Status,
    Delay,
    DropConnection,
    MalformedBody,
}
