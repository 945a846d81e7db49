using System.Text.Json;
using EvidenceTracker.Checking;

namespace EvidenceTracker.Reporting;

/// <summary>One way of writing a check report. Every output format implements it.</summary>
public interface IReportFormatter
{
    void Write(CheckReport report, TextWriter writer);
}
