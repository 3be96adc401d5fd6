using System.Xml;

namespace Tss.Protocol.Signing.Internal;

/// <summary>Start and end tags: the namespace axis and the attribute axis of C14N 1.0.</summary>
internal sealed partial class C14NWriter
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    /// <summary>Namespace bindings rendered on the output ancestors, innermost last.</summary>
    private readonly List<NamespaceBinding> _scope = [];
    /// <summary>How many bindings each open element pushed onto <see cref="_scope"/>.</summary>
    private readonly List<int> _frames = [];
    private readonly List<NamespaceBinding> _declarations = [];
    private readonly List<XmlAttribute> _attributes = [];

    private void WriteStartElement(XmlElement element, bool isApex)
    {
        _declarations.Clear();
        _attributes.Clear();
        if (isApex)
        {
            CollectInScope(element);
        }
        else
        {
            CollectOwn(element);
        }

        // A namespace node is rendered unless the nearest output ancestor already renders the same binding;
        // xmlns="" only matters when an output ancestor has a non-empty default namespace.
        var rendered = 0;
        for (var i = 0; i < _declarations.Count; i++)
        {
            var declaration = _declarations[i];
            var current = LookupRendered(declaration.Prefix);
            if (declaration.Uri == (current ?? string.Empty))
            {
                continue;
            }

            _declarations[rendered++] = declaration;
        }

        _declarations.RemoveRange(rendered, _declarations.Count - rendered);
        SortDeclarations();
        SortAttributes();

        WriteAscii("<"u8);
        WriteRaw(element.Name);
        foreach (var declaration in _declarations)
        {
            if (declaration.Prefix.Length == 0)
            {
                WriteAscii(" xmlns=\""u8);
            }
            else
            {
                WriteAscii(" xmlns:"u8);
                WriteRaw(declaration.Prefix);
                WriteAscii("=\""u8);
            }

            WriteEscapedAttribute(declaration.Uri);
            WriteAscii("\""u8);
            _scope.Add(declaration);
        }

        foreach (var attribute in _attributes)
        {
            WriteAscii(" "u8);
            WriteRaw(attribute.Name);
            WriteAscii("=\""u8);
            WriteEscapedAttribute(attribute.Value);
            WriteAscii("\""u8);
        }

        WriteAscii(">"u8);
        _frames.Add(_declarations.Count);
    }

    private void WriteEndElement(XmlElement element)
    {
        WriteAscii("</"u8);
        WriteRaw(element.Name);
        WriteAscii(">"u8);
        var pushed = _frames[^1];
        _frames.RemoveAt(_frames.Count - 1);
        _scope.RemoveRange(_scope.Count - pushed, pushed);
    }

    /// <summary>An element below the apex: its own declarations and attributes.</summary>
    private void CollectOwn(XmlElement element)
    {
        foreach (XmlAttribute attribute in element.Attributes)
        {
            if (IsNamespaceDeclaration(attribute))
            {
                AddDeclaration(DeclaredPrefix(attribute), attribute.Value);
            }
            else
            {
                _attributes.Add(attribute);
            }
        }

        // A DOM built in code may use a namespace without an xmlns attribute; the serializer will declare it, so the
        // canonical form must too, or the digest would not match the serialized document.
        AddImplicitDeclaration(element.Prefix, element.NamespaceURI, inScopeAsRendered: true);
        foreach (var attribute in _attributes)
        {
            if (attribute.Prefix.Length > 0 && attribute.NamespaceURI != XmlNamespace)
            {
                AddImplicitDeclaration(attribute.Prefix, attribute.NamespaceURI, inScopeAsRendered: true);
            }
        }
    }

    /// <summary>
    /// The apex: every namespace in scope (declared on it or on any ancestor up to the document root, nearest first) and
    /// the xml:* attributes inherited from those ancestors outside the node-set (C14N 1.0 §2.4).
    /// </summary>
    private void CollectInScope(XmlElement apex)
    {
        var stop = _documentRoot?.ParentNode;
        for (XmlNode? node = apex; node is XmlElement element && !ReferenceEquals(node, stop); node = node.ParentNode)
        {
            var isApex = ReferenceEquals(element, apex);
            foreach (XmlAttribute attribute in element.Attributes)
            {
                if (IsNamespaceDeclaration(attribute))
                {
                    AddDeclarationIfAbsent(DeclaredPrefix(attribute), attribute.Value);
                }
                else if (isApex)
                {
                    _attributes.Add(attribute);
                }
                else if (attribute.NamespaceURI == XmlNamespace && !HasXmlAttribute(attribute.LocalName))
                {
                    _attributes.Add(attribute);
                }
            }

            AddImplicitDeclaration(element.Prefix, element.NamespaceURI, inScopeAsRendered: false);
            foreach (XmlAttribute attribute in element.Attributes)
            {
                if (attribute.Prefix.Length > 0 && attribute.NamespaceURI != XmlNamespace && !IsNamespaceDeclaration(attribute))
                {
                    AddImplicitDeclaration(attribute.Prefix, attribute.NamespaceURI, inScopeAsRendered: false);
                }
            }
        }
    }

    private bool HasXmlAttribute(string localName)
    {
        foreach (var attribute in _attributes)
        {
            if (attribute.NamespaceURI == XmlNamespace && attribute.LocalName == localName)
            {
                return true;
            }
        }

        return false;
    }

    private void AddImplicitDeclaration(string prefix, string uri, bool inScopeAsRendered)
    {
        if (FindDeclaration(prefix) >= 0)
        {
            return;
        }

        if (inScopeAsRendered && (LookupRendered(prefix) ?? string.Empty) == uri)
        {
            return;
        }

        AddDeclaration(prefix, uri);
    }

    private void AddDeclarationIfAbsent(string prefix, string uri)
    {
        if (FindDeclaration(prefix) < 0)
        {
            AddDeclaration(prefix, uri);
        }
    }

    private void AddDeclaration(string prefix, string uri)
    {
        // The xml prefix is bound by definition and never rendered.
        if (prefix == "xml")
        {
            return;
        }

        var index = FindDeclaration(prefix);
        if (index >= 0)
        {
            _declarations[index] = new NamespaceBinding(prefix, uri);
        }
        else
        {
            _declarations.Add(new NamespaceBinding(prefix, uri));
        }
    }

    private int FindDeclaration(string prefix)
    {
        for (var i = 0; i < _declarations.Count; i++)
        {
            if (_declarations[i].Prefix == prefix)
            {
                return i;
            }
        }

        return -1;
    }

    private string? LookupRendered(string prefix)
    {
        for (var i = _scope.Count - 1; i >= 0; i--)
        {
            if (_scope[i].Prefix == prefix)
            {
                return _scope[i].Uri;
            }
        }

        return null;
    }

    private static bool IsNamespaceDeclaration(XmlAttribute attribute) => attribute.NamespaceURI == XmlnsNamespace;

    private static string DeclaredPrefix(XmlAttribute attribute) => attribute.Prefix.Length == 0 ? string.Empty : attribute.LocalName;

    // Insertion sorts: elements carry a handful of attributes, and this avoids comparer allocations.
    private void SortDeclarations()
    {
        for (var i = 1; i < _declarations.Count; i++)
        {
            var item = _declarations[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(_declarations[j].Prefix, item.Prefix) > 0)
            {
                _declarations[j + 1] = _declarations[j];
                j--;
            }

            _declarations[j + 1] = item;
        }
    }

    private void SortAttributes()
    {
        for (var i = 1; i < _attributes.Count; i++)
        {
            var item = _attributes[i];
            var j = i - 1;
            while (j >= 0 && CompareAttributes(_attributes[j], item) > 0)
            {
                _attributes[j + 1] = _attributes[j];
                j--;
            }

            _attributes[j + 1] = item;
        }
    }

    private static int CompareAttributes(XmlAttribute left, XmlAttribute right)
    {
        var byNamespace = string.CompareOrdinal(left.NamespaceURI, right.NamespaceURI);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(left.LocalName, right.LocalName);
    }
}
