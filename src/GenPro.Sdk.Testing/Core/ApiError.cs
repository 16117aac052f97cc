namespace GenPro.Sdk.Testing.Core;

/// <summary>
/// A documented error answer, thrown from deep inside an endpoint and turned into
/// <c>{"error", "error_code"}</c> by the core; throwing keeps every rule a single line where it is checked.
/// </summary>
internal sealed class ApiError(int status, string errorCode, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string ErrorCode { get; } = errorCode;

    public FakeResponse ToResponse() => FakeResponse.Error(Status, ErrorCode, Message);

    public static ApiError AgentNotFound(int status) => new(status, "agent_not_found", "Agent not found");

    public static ApiError PermissionDenied() => new(403, "permission_denied", "You do not have permission to perform this action");

    public static ApiError Validation(string message) => new(422, "validation_error", message);
}
