namespace EvidenceTracker.Diagnostics;

/// <summary>How serious a finding is. <see cref="Off"/> disables a rule.</summary>
public enum Severity
{
    Off = 0,
    Note = 1,
    Warning = 2,
    Error = 3,
}
