"""Folder dependencies of src/EvidenceTracker.Core and their cycles (strongly connected components).

A heuristic over the source text: `using EvidenceTracker.X;`, `X.Type` qualifications, and type names in
declaration, `new`, cast, generic and pattern positions, matched against the top-level types of each folder.
Usage: python3 tools/folder_cycles.py [src/EvidenceTracker.Core]. Prints each folder's dependencies, then the cycles.
"""
import os,re,sys,collections
root=sys.argv[1] if len(sys.argv) > 1 else "src/EvidenceTracker.Core"
folders=[d for d in os.listdir(root) if os.path.isdir(os.path.join(root,d)) and d not in('bin','obj')]
# map type name -> folder
types=collections.defaultdict(set)
files={}
for f in folders:
    for dp,_,fs in os.walk(os.path.join(root,f)):
        for n in fs:
            if n.endswith('.cs'):
                t=open(os.path.join(dp,n),encoding='utf-8').read()
                t2=re.sub(r'//[^\n]*','',t)
                files[os.path.join(dp,n)]=(f,t2)
                for m in re.finditer(r'(?m)^(?:(?:public|internal|static|sealed|partial|abstract|readonly|file)\s+)*(?:class|record|struct|enum|interface)\s+(?:struct\s+|class\s+)?([A-Z]\w*)',t2):
                    types[m.group(1)].add(f)
edges=collections.defaultdict(lambda:collections.defaultdict(set))
for path,(f,t) in files.items():
    props=set(re.findall(r'\b([A-Z]\w*)\s*(?:\{\s*get|=>|\)\s*;)|\bstring\s+([A-Z]\w*)\b',t))
    local=set(x for p in props for x in p if x)|set(re.findall(r'\b(?:class|record|struct|enum|interface)\s+(?:struct\s+|class\s+)?([A-Z]\w*)',t))
    body=re.sub(r'"(?:[^"\\\n]|\\.)*"','""',t)
    pat=re.compile(r'(?<![.\w])([A-Z]\w*)(?=(?:\?|\[\])*\s+[a-zA-Z_@]\w*\s*[=;,){(]|\.[A-Z]|<|>|\s*,\s*[A-Z]\w*\s*>|\)\s*[\w(]|\[\])|(?<=new )([A-Z]\w*)|(?<=typeof\()([A-Z]\w*)|(?<=\bis )([A-Z]\w*)|(?<=\bas )([A-Z]\w*)|(?<=<)([A-Z]\w*)|(?<=, )([A-Z]\w*)(?=\s*>)')
    for m in pat.finditer(body):
        n=next(g for g in m.groups() if g)
        if n in types and f not in types[n] and n not in local:
            for g in types[n]:
                edges[f][g].add(n)
# ambiguity: type defined in multiple folders -> count only if file uses 'using' of that namespace
    for m in re.finditer(r'(?<![\w.])(?:EvidenceTracker\.)?([A-Z]\w*)\.[A-Z]\w*',body):
        g=m.group(1)
        if g!=f and g in folders and not re.search(r'using EvidenceTracker\.'+g+';',t): edges[f][g].add(g+'.*')
    for m in re.finditer(r'using EvidenceTracker\.(\w+);',t):
        g=m.group(1)
        if g!=f and g in folders: edges[f][g].add('(using)')
for f in sorted(edges):
    print(f,'->',', '.join(f"{g}[{' '.join(sorted(edges[f][g]))[:80]}]" for g in sorted(edges[f])))
# find cycles (SCCs)
import itertools
idx={};low={};st=[];on=set();sccs=[];c=[0]
def sc(v):
    idx[v]=low[v]=c[0];c[0]+=1;st.append(v);on.add(v)
    for w in edges.get(v,{}):
        if w not in idx: sc(w);low[v]=min(low[v],low[w])
        elif w in on: low[v]=min(low[v],idx[w])
    if low[v]==idx[v]:
        s=[]
        while True:
            w=st.pop();on.discard(w);s.append(w)
            if w==v:break
        sccs.append(s)
for v in folders:
    if v not in idx: sc(v)
print('SCCs:',[sorted(s) for s in sccs if len(s)>1])
