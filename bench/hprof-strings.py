#!/usr/bin/env python3
# Reads a HPROF heap dump (bench/live-heap.sh with HEAPDUMP=1): byte[] in and outside Strings, the largest
# byte[] outside Strings with their first bytes (what they are), and the most duplicated String values.
#   python3 bench/hprof-strings.py bench/out/live-heap-LABEL/heap.hprof

import struct, sys, collections
f = open(sys.argv[1], 'rb'); data = f.read()
p = data.index(b'\0') + 1
idsize = struct.unpack('>I', data[p:p+4])[0]; p += 12
rid = (lambda b, o: struct.unpack('>Q', b[o:o+8])[0]) if idsize == 8 else (lambda b, o: struct.unpack('>I', b[o:o+4])[0])
sizes = {2: idsize, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
strings = {}; classnames = {}; classfields = {}; classsuper = {}
bytearrays = {}  # id -> bytes (only byte arrays)
stringinst = []  # (value id, coder)
def heap(b, o, end):
    global string_cls
    while o < end:
        t = b[o]; o += 1
        if t == 0xFF: o += idsize
        elif t == 0x01: o += 2*idsize
        elif t in (0x02, 0x03): o += idsize + 8
        elif t == 0x04: o += idsize + 4
        elif t == 0x05: o += idsize
        elif t == 0x06: o += idsize + 4
        elif t == 0x07: o += idsize
        elif t == 0x08: o += idsize + 8
        elif t == 0x20:
            cid = rid(b, o); o += idsize + 4; sup = rid(b, o); o += 6*idsize + 4
            n = struct.unpack('>H', b[o:o+2])[0]; o += 2
            for _ in range(n):
                ty = b[o+2]; o += 3 + sizes[ty]
            n = struct.unpack('>H', b[o:o+2])[0]; o += 2
            for _ in range(n):
                ty = b[o+idsize]; o += idsize + 1 + sizes[ty]
            n = struct.unpack('>H', b[o:o+2])[0]; o += 2
            fl = []
            for _ in range(n):
                fl.append((rid(b, o), b[o+idsize])); o += idsize + 1
            classfields[cid] = fl; classsuper[cid] = sup
        elif t == 0x21:
            oid = rid(b, o); o += idsize + 4; cid = rid(b, o); o += idsize
            n = struct.unpack('>I', b[o:o+4])[0]; o += 4
            if cid == string_cls:
                off = o; val = None; coder = 0
                for (nm, ty) in classfields[cid]:
                    fname = strings.get(nm)
                    if fname == 'value': val = rid(b, off)
                    if fname == 'coder': coder = b[off]
                    off += sizes[ty]
                stringinst.append((val, coder))
            o += n
        elif t == 0x22:
            o += idsize + 4; n = struct.unpack('>I', b[o:o+4])[0]; o += 4 + idsize + n*idsize
        elif t == 0x23:
            oid = rid(b, o); o += idsize + 4; n = struct.unpack('>I', b[o:o+4])[0]; ty = b[o+4]; o += 5
            ln = n * sizes[ty]
            if ty == 8: bytearrays[oid] = b[o:o+ln]
            o += ln
        else: raise Exception('tag %x at %d' % (t, o))
string_cls = None
segs = []
while p < len(data):
    tag = data[p]; ln = struct.unpack('>I', data[p+5:p+9])[0]; body = p + 9
    if tag == 0x01: strings[rid(data, body)] = data[body+idsize:body+ln].decode('utf8', 'replace')
    elif tag == 0x02:
        cid = rid(data, body+4); nm = rid(data, body+8+idsize); classnames[cid] = strings.get(nm)
        if strings.get(nm) == 'java/lang/String': string_cls = cid
    elif tag in (0x0C, 0x1C): segs.append((body, body+ln))
    p = body + ln
# class dumps first (String fields needed), two passes
for s, e in segs: heap(data, s, e)
stringinst.clear(); bytearrays.clear()
for s, e in segs: heap(data, s, e)
strval = set(v for v, c in stringinst)
tot = sum(len(v) for v in bytearrays.values()); ins = sum(len(bytearrays[v]) for v in strval if v in bytearrays)
print('byte[]: %d arrays, %.1f MiB; in Strings: %d, %.1f MiB' % (len(bytearrays), tot/2**20, len(strval), ins/2**20))
big = sorted(((len(v), k) for k, v in bytearrays.items() if k not in strval), reverse=True)[:25]
for n, k in big: print('  non-string byte[%d] %r' % (n, bytearrays[k][:70]))
cnt = collections.Counter()
for v, c in stringinst:
    if v in bytearrays: cnt[bytes(bytearrays[v])] += 1
waste = sorted(((c-1)*(len(k)+40), c, k) for k, c in cnt.items() if c > 1)[::-1]
print('duplicate strings: %d distinct values with copies, %.2f MiB in copies' % (len(waste), sum(w for w,_,_ in waste)/2**20))
for w, c, k in waste[:40]: print('  %7d B  x%-5d %r' % (w, c, k[:60]))
# string values by "shape"
shape = collections.Counter()
for k, c in cnt.items():
    s = k[:12].decode('latin1'); shape[''.join('9' if ch.isdigit() else ch for ch in s)[:8]] += c*(len(k)+40)
print('strings by prefix shape (bytes):'); [print('  %8d %r' % (b, s)) for s, b in shape.most_common(25)]
