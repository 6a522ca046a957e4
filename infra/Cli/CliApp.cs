using System.CommandLine;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Analyser.Lint;
using Bootstrap.Cli.Commands;
using Bootstrap.Cli.Output;

namespace Bootstrap.Cli;

/// <summary>Builds the command tree; tests run it in-process with their own writers.</summary>
public static class CliApp
{
    /// <summary>The command tree; docs tests parse the runbooks' commands with it (parsing runs nothing).</summary>
    public static RootCommand Commands(TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        var root = new RootCommand("Bootstrap: plan and check the Proxmox + Talos + Argo CD platform offline; verify and back up a running cluster.");
        root.Subcommands.Add(PlanCommand.Create(stdout, stderr));
        root.Subcommands.Add(LintCommand.Create(stdout, stderr));
        root.Subcommands.Add(NewAppCommand.Create(stdout, stderr));
        root.Subcommands.Add(NewEnvCommand.Create(stdout, stderr));
        root.Subcommands.Add(VerifyCommand.Create(stdout, stderr));
        root.Subcommands.Add(BackupCommand.Create(stdout, stderr, stdin ?? Console.In));
        return root;
    }

    /// <summary>Runs one command; everything it prints passes the one redaction (<see cref="RedactingWriter"/>).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        using var shownOut = new RedactingWriter(stdout);
        using var shownErr = new RedactingWriter(stderr);
        return RunShown(args, shownOut, shownErr, stdin);
    }

    private static int RunShown(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin)
    {
        var root = Commands(stdout, stderr, stdin);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && !args.Any(a => a is "-h" or "--help" or "-?"))
        {
            if (parsed.CommandResult.Command == root)
            {
                // No command matched: every other error is a consequence; name the word that is not a command.
                var word = parsed.UnmatchedTokens.Count > 0 ? parsed.UnmatchedTokens[0] : args.Length > 0 ? args[0] : null;
                var commands = string.Join(", ", root.Subcommands.Select(c => c.Name));
                stderr.WriteLine(word is null
                    ? $"error: no command given; the commands are {commands}"
                    : $"error: '{Excerpt.Of(word)}': not a command; the commands are {commands}");
            }
            else
            {
                foreach (var error in parsed.Errors)
                {
                    stderr.WriteLine($"error: {Excerpt.Of(error.Message)}");
                }
            }

            var command = parsed.CommandResult.Command == root ? "" : $" {parsed.CommandResult.Command.Name}";
            stderr.WriteLine($"Run 'bootstrap{command} --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"error: {Excerpt.Of(e.Message)}");
            return ExitCodes.Usage;
        }
        catch (BlueprintException e)
        {
            // Input that cannot become a Blueprint (a symlink out of the repository, an unreadable file), wherever it is found.
            return DiagnosticsReport.Print(e.Diagnostics, stderr);
        }
        catch (SchemaFileException e)
        {
            // A file of the --schemas folder that is there but unusable: the folder is an argument, so a usage error.
            stderr.WriteLine($"error: --schemas: {Excerpt.Of(e.File)}: {Excerpt.Of(e.Problem)}; "
                + "pass a schema folder laid out like ../shared/schemas, with the files its SOURCES.md names");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: {Excerpt.Of(e.Message)}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("BOOTSTRAP_DEBUG") is null)
        {
            // Users get one line, never a stack trace; BOOTSTRAP_DEBUG=1 shows the trace for a bug report.
            stderr.WriteLine($"internal error: {e.GetType().Name}: {Excerpt.Of(e.Message)} (a bug: "
                + "please report it with the output of BOOTSTRAP_DEBUG=1)");
            return ExitCodes.Internal;
        }
    }
}

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Invalid = 1;
    public const int Usage = 2;

    /// <summary>A bug in this tool; no file or argument can cause it (the fuzz test in tests/Blueprint.Tests/Cli holds it to that).</summary>
    public const int Internal = 3;

    /// <summary>verify, backup: the Kubernetes API could not be reached or refused the kubeconfig.</summary>
    public const int Unreachable = 4;
}
