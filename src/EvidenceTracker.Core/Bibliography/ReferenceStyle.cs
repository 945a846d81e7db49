using EvidenceTracker.Authoring;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using EvidenceTracker.Model;
using EvidenceTracker.Text;

namespace EvidenceTracker.Bibliography;

public enum ReferenceStyle { GbT7714, Apa, Vancouver }
