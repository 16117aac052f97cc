#!/usr/bin/env dotnet
// Turns a C# Polyglot notebook into a .NET 10 file-based app, so CI can compile and run the notebook's code cells
// exactly as written. Used by check-notebook.sh; usage:
//   dotnet run notebook-to-app.cs -- NOTEBOOK.ipynb OUTPUT.cs REPO_ROOT EXPECTED_SDK_VERSION
//
// - `#r "nuget: GenPro.Sdk, <version>"` becomes `#:project` references to the repository's projects (the version must
//   be the one the repository builds); any other `#r` or `#!` magic command is refused.
// - `using` directives are hoisted to the top, where a C# file needs them; the cells follow in order.
// - A prologue starts the SDK's fake API when GENPRO_API_KEY is unset and points the notebook's variables at it.
// - Saved outputs are refused: a notebook in the repository is committed clean (outputs could hold account data).
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

if (args is not [var notebookPath, var outputPath, var repoRoot, var expectedVersion])
{
    Console.Error.WriteLine("usage: dotnet run notebook-to-app.cs -- NOTEBOOK.ipynb OUTPUT.cs REPO_ROOT EXPECTED_SDK_VERSION");
    return 2;
}

using var notebook = JsonDocument.Parse(File.ReadAllBytes(notebookPath));
var root = notebook.RootElement;
var problems = new List<string>();
if (root.GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString() != ".net-csharp")
{
    problems.Add("the notebook's kernel is not .NET (C#) (metadata.kernelspec.name should be .net-csharp)");
}

var outputDir = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
string ProjectDirective(string project) =>
    "#:project " + Path.GetRelativePath(outputDir, Path.Combine(repoRoot, "src", project, project + ".csproj")).Replace('\\', '/');

var nugetReference = new Regex("""^#r\s+"nuget:\s*(?<name>[^,"\s]+)\s*,\s*(?<version>[^"\s]+)\s*"\s*$""");
var usingDirective = new Regex(@"^using\s+(static\s+)?[\w.]+(\s*=\s*[\w.<>, ]+)?;\s*$");
var directives = new List<string>();
var usings = new SortedSet<string>(StringComparer.Ordinal) { "using System.Globalization;", "using GenPro.Sdk.Testing;" };
var body = new StringBuilder();
var cellNumber = 0;
foreach (var cell in root.GetProperty("cells").EnumerateArray())
{
    cellNumber++;
    if (cell.GetProperty("cell_type").GetString() != "code")
    {
        continue;
    }

    if (cell.TryGetProperty("outputs", out var outputs) && outputs.GetArrayLength() > 0)
    {
        problems.Add($"cell {cellNumber} has saved outputs: clear them before committing");
    }

    var language = cell.GetProperty("metadata").TryGetProperty("polyglot_notebook", out var polyglot)
        ? polyglot.GetProperty("kernelName").GetString()
        : "csharp";
    if (language != "csharp")
    {
        problems.Add($"cell {cellNumber} is {language}, not csharp");
    }

    body.AppendLine().Append("// ---- notebook cell ").Append(cellNumber).AppendLine();
    var source = string.Concat(cell.GetProperty("source").EnumerateArray().Select(line => line.GetString()));
    foreach (var line in source.Split('\n'))
    {
        if (nugetReference.Match(line) is { Success: true } reference)
        {
            var (name, version) = (reference.Groups["name"].Value, reference.Groups["version"].Value);
            if (name != "GenPro.Sdk" || version != expectedVersion)
            {
                problems.Add($"cell {cellNumber} references {name} {version}; expected GenPro.Sdk {expectedVersion}");
            }

            directives.Add(ProjectDirective("GenPro.Sdk"));
        }
        else if (line.StartsWith("#r", StringComparison.Ordinal) || line.StartsWith("#!", StringComparison.Ordinal))
        {
            problems.Add($"cell {cellNumber}: '{line}' has no file-based-app equivalent here");
        }
        else if (usingDirective.IsMatch(line))
        {
            usings.Add(line.Trim());
        }
        else
        {
            body.AppendLine(line);
        }
    }
}

if (directives.Count == 0)
{
    problems.Add($"no cell references the SDK with #r \"nuget: GenPro.Sdk, {expectedVersion}\"");
}

if (problems.Count > 0)
{
    problems.ForEach(p => Console.Error.WriteLine($"{notebookPath}: {p}"));
    return 1;
}

var app = new StringBuilder()
    .Append("// Generated from ").Append(Path.GetFileName(notebookPath)).AppendLine(" by notebook-to-app.cs: edit the notebook, not this file.")
    .AppendLine(string.Join('\n', directives.Distinct()))
    .AppendLine(ProjectDirective("GenPro.Sdk.Testing"))
    .AppendLine()
    .AppendLine(string.Join('\n', usings))
    .AppendLine()
    .AppendLine("""
        // ---- not in the notebook: without GENPRO_API_KEY the cells run against the SDK's fake API.
        await using var notebookFake = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GENPRO_API_KEY"))
            ? await StartFakeAsync()
            : null;
        """)
    .Append(body)
    .AppendLine()
    .AppendLine("""
        // A user with a key, a workspace they own holding one agent; the notebook's environment variables point at it.
        static async Task<FakeGenProServer> StartFakeAsync()
        {
            var api = new FakeGenProApi();
            var user = api.AddUser("gen_pat_notebook", "Notebook User");
            var workspace = api.AddWorkspace("Notebook Workspace");
            api.AddMember(workspace, user, FakeWorkspaceRole.Owner);
            api.AddAgent(user, "TrendBot", workspace, "Trend analysis agent");
            var server = await FakeGenProServer.StartAsync(api);
            Environment.SetEnvironmentVariable("GENPRO_API_KEY", "gen_pat_notebook");
            Environment.SetEnvironmentVariable("GENPRO_BASE_URL", server.BaseAddress.ToString());
            Environment.SetEnvironmentVariable("GENPRO_WORKSPACE_ID", workspace.Id.ToString(CultureInfo.InvariantCulture));
            Console.WriteLine($"GENPRO_API_KEY is not set: using the built-in fake GEN API at {server.BaseAddress}");
            return server;
        }
        """);
Directory.CreateDirectory(outputDir);
File.WriteAllText(outputPath, app.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
Console.WriteLine($"{notebookPath} -> {outputPath}");
return 0;
