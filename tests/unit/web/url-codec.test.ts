import { describe, expect, it } from 'vitest';
import { appCodec } from '../../../web/src/app/url.ts';
import { enumField, flagField, idField, idListField, numberField, sliceCodec } from '../../../web/src/app/url-fields.ts';
import { URL_CODEC, VIEWS } from '../../../web/src/app/registry.ts';
import { filtersCodec, yearWindow } from '../../../web/src/filters/codec.ts';
import { exploreCodec } from '../../../web/src/explore/codec.ts';
import { pathsCodec } from '../../../web/src/paths/codec.ts';
import { lineageCodec } from '../../../web/src/lineage/codec.ts';
import { fundingCodec } from '../../../web/src/funding/codec.ts';

const params = (text: string) => new URLSearchParams(text);

describe('URL fields', () => {
  it('ids: kept when well formed, dropped otherwise', () => {
    const f = idField('focus');
    expect(f.schema.parse('danab')).toBe('danab');
    expect(f.schema.parse('usc10:333.a-b')).toBe('usc10:333.a-b');
    expect(f.schema.parse('<script>')).toBeUndefined();
    expect(f.schema.parse('')).toBeUndefined();
    expect(f.schema.parse(undefined)).toBeUndefined();
    expect(f.schema.parse('x'.repeat(121))).toBeUndefined();
  });

  it('id lists: malformed entries dropped, order kept, empty lists not written', () => {
    const f = idListField('expanded');
    expect(f.schema.parse('b,a,bad id,c')).toEqual(['b', 'a', 'c']);
    expect(f.schema.parse(undefined)).toEqual([]);
    expect(f.encode([])).toBeUndefined();
    expect(f.encode(['a', 'b'])).toBe('a,b');
  });

  it('flags are on only for 1', () => {
    const f = flagField('focusMode');
    expect([f.schema.parse('1'), f.schema.parse('true'), f.schema.parse(undefined)]).toEqual([true, false, false]);
    expect([f.encode(true), f.encode(false)]).toEqual(['1', undefined]);
  });

  it('enums fall back to their default, which is never written', () => {
    const f = enumField('layout', ['fcose', 'dagre'] as const, 'fcose');
    expect(f.schema.parse('dagre')).toBe('dagre');
    expect(f.schema.parse('spiral')).toBe('fcose');
    expect(f.schema.parse(undefined)).toBe('fcose');
    expect([f.encode('fcose'), f.encode('dagre')]).toEqual([undefined, 'dagre']);
  });

  it('numbers: integers truncated, bounds enforced, junk absent', () => {
    const hops = numberField('hops', { int: true, min: 1, max: 6 });
    expect(hops.schema.parse('3')).toBe(3);
    expect(hops.schema.parse('3.9')).toBe(3);
    expect(hops.schema.parse('7')).toBeUndefined();
    expect(hops.schema.parse('0')).toBeUndefined();
    expect(hops.schema.parse('three')).toBeUndefined();
    expect(hops.schema.parse('')).toBeUndefined();
    const amount = numberField('min', { above: 0 });
    expect(amount.schema.parse('1e6')).toBe(1e6);
    expect(amount.schema.parse('0.5')).toBe(0.5);
    expect(amount.schema.parse('0')).toBeUndefined();
    expect(amount.schema.parse('Infinity')).toBeUndefined();
    expect(amount.encode(undefined)).toBeUndefined();
  });

  it('a slice codec decodes by parameter name and writes only what differs from the default', () => {
    const codec = sliceCodec({ a: idField('alpha'), b: flagField('beta') });
    expect(codec.keys).toEqual(['alpha', 'beta']);
    expect(codec.decode(params('alpha=x&beta=1&other=y'))).toEqual({ a: 'x', b: true });
    expect(codec.defaults()).toEqual({ a: undefined, b: false });
    expect(codec.encode({ a: undefined, b: true })).toEqual([['beta', '1']]);
  });
});

describe('slice codecs', () => {
  it('explore: every field, unknown kinds and layouts ignored', () => {
    const s = exploreCodec.decode(params('layout=dagre&focus=danab&focusMode=1&kinds=State,Bogus,Event&types=TRAINED&limit=100&expanded=a,b&hidden=c'));
    expect(s).toEqual({ layout: 'dagre', focus: 'danab', focusMode: true, kinds: ['State', 'Event'], types: ['TRAINED'], limit: 100, expanded: ['a', 'b'], hidden: ['c'], expandedBy: [], pinned: [], compareA: undefined, compareB: undefined });
    expect(exploreCodec.decode(params('layout=preset&limit=-3')).layout).toBe('fcose');
    expect(exploreCodec.decode(params('limit=-3')).limit).toBeUndefined();
  });

  it('explore: typed expansions, pins and comparison windows round-trip; malformed entries are dropped', () => {
    const s = exploreCodec.decode(params('expandedBy=danab~TRAINED,kenya~FUNDED%2BTRAINED,bad~lower,~X,a~B~C&pinned=danab@120@-40,x@1,y@a@2,kenya@3.6@4&compareA=2010-2006&compareB=2016'));
    expect(s.expandedBy).toEqual([{ id: 'danab', types: ['TRAINED'] }, { id: 'kenya', types: ['FUNDED', 'TRAINED'] }]);
    expect(s.pinned).toEqual([{ id: 'danab', x: 120, y: -40 }, { id: 'kenya', x: 4, y: 4 }]);
    expect([s.compareA, s.compareB]).toEqual(['2006-2010', '2016']);
    expect(exploreCodec.decode(params('compareA=last&compareB=20166')).compareA).toBeUndefined();
    expect(exploreCodec.decode(new URLSearchParams(exploreCodec.encode(s)))).toEqual(s);
  });

  it('filters: "as of" implies the second year; a window without a first year is every year', () => {
    expect(filtersCodec.decode(params('years=asof&from=2010&to=2015'))).toEqual({ minAmount: undefined, yearMode: 'asof', yearFrom: 2010, yearTo: 2010 });
    expect(filtersCodec.decode(params('years=between&from=2006&to=2018'))).toMatchObject({ yearMode: 'between', yearFrom: 2006, yearTo: 2018 });
    expect(filtersCodec.decode(params('years=between&to=2018'))).toMatchObject({ yearMode: 'all', yearFrom: undefined, yearTo: undefined });
    expect(filtersCodec.decode(params('years=sometimes&from=2006'))).toMatchObject({ yearMode: 'all', yearFrom: undefined });
    expect(filtersCodec.encode({ minAmount: 1e6, yearMode: 'asof', yearFrom: 2010, yearTo: 2010 })).toEqual([['min', '1000000'], ['years', 'asof'], ['from', '2010']]);
    expect(filtersCodec.encode({ minAmount: undefined, yearMode: 'all', yearFrom: 2010, yearTo: 2012 })).toEqual([]);
  });

  it('yearWindow gives the API both years, or nothing', () => {
    expect(yearWindow({ yearMode: 'all', yearFrom: undefined, yearTo: undefined, minAmount: undefined })).toEqual({});
    expect(yearWindow({ yearMode: 'asof', yearFrom: 2010, yearTo: undefined, minAmount: undefined })).toEqual({ yearFrom: 2010, yearTo: 2010 });
    expect(yearWindow({ yearMode: 'between', yearFrom: 2010, yearTo: undefined, minAmount: undefined })).toEqual({ yearFrom: 2010, yearTo: 2010 });
    expect(yearWindow({ yearMode: 'between', yearFrom: 2010, yearTo: 2014, minAmount: undefined })).toEqual({ yearFrom: 2010, yearTo: 2014 });
  });

  it('lineage, funding and paths keep their parameter names', () => {
    expect(lineageCodec.decode(params('authority=section_1206&direction=ANCESTORS'))).toEqual({ authority: 'section_1206', direction: 'ANCESTORS' });
    expect(lineageCodec.decode(params('direction=SIDEWAYS')).direction).toBe('BOTH');
    expect(fundingCodec.decode(params('recipient=kenya&under=global_train_and_equip&descendants=1'))).toEqual({ recipient: 'kenya', authority: 'global_train_and_equip', descendants: true });
    expect(pathsCodec.decode(params('pathFrom=us_congress&pathTo=danab&hops=9'))).toEqual({ from: 'us_congress', to: 'danab', maxHops: undefined, types: [], exclude: [], yearFrom: undefined, yearTo: undefined });
  });
});

describe('the app URL codec', () => {
  it('is built from the registry, one slice per view', () => {
    expect(VIEWS.map((v) => v.name)).toEqual(['explore', 'lineage', 'funding', 'paths']);
    const fresh = URL_CODEC.defaults();
    expect(Object.keys(fresh).sort()).toEqual(['explore', 'filters', 'funding', 'lineage', 'paths', 'view']);
    expect(fresh.view).toBe('explore');
    expect(URL_CODEC.encode(fresh)).toBe('');
  });

  it.each([
    ['', 'explore'],
    ['limit=100', 'explore'],
    ['focus=danab', 'explore'],
    ['limit=100000', 'explore'],
    ['view=lineage&authority=section_1206', 'lineage'],
    ['view=lineage&authority=no_such_authority', 'lineage'],
    ['view=funding', 'funding'],
    ['view=paths&pathFrom=us_congress&pathTo=danab', 'paths'],
    ['#view=nowhere', 'explore'],
  ])('decodes the older flat hash %j', (hash, view) => {
    const state = URL_CODEC.decode(hash);
    expect(state.view).toBe(view);
    // Written back, a well-formed hash is unchanged.
    if (view !== 'explore' || !hash.startsWith('#')) expect(URL_CODEC.encode(state)).toBe(hash);
  });

  it('reads every field of a full flat hash into its slice', () => {
    const s = URL_CODEC.decode(
      '#view=funding&layout=concentric&focus=danab&focusMode=1&kinds=State&types=FUNDED,TRAINED&min=1000000&limit=1000&years=between&from=2006&to=2012&expanded=amisom,kenya&hidden=x&authority=section_1206&direction=DESCENDANTS&recipient=kenya&under=usc10_333&descendants=1&pathFrom=a&pathTo=b&hops=2',
    );
    expect(s.view).toBe('funding');
    expect(s.explore).toMatchObject({ layout: 'concentric', focus: 'danab', focusMode: true, kinds: ['State'], types: ['FUNDED', 'TRAINED'], limit: 1000, expanded: ['amisom', 'kenya'], hidden: ['x'] });
    expect(s.filters).toEqual({ minAmount: 1e6, yearMode: 'between', yearFrom: 2006, yearTo: 2012 });
    expect(s.lineage).toEqual({ authority: 'section_1206', direction: 'DESCENDANTS' });
    expect(s.funding).toEqual({ recipient: 'kenya', authority: 'usc10_333', descendants: true });
    expect(s.paths).toMatchObject({ from: 'a', to: 'b', maxHops: 2 });
    expect(URL_CODEC.decode(URL_CODEC.encode(s))).toEqual(s);
  });

  it('keeps commas readable in lists', () => {
    const s = URL_CODEC.decode('expanded=a,b');
    expect(URL_CODEC.encode(s)).toBe('expanded=a,b');
  });

  it('refuses two slices claiming one parameter', () => {
    const clash = sliceCodec({ x: idField('focus') });
    expect(() => appCodec([{ name: 'explore', codec: exploreCodec }, { name: 'paths', codec: clash }])).toThrow(/"focus"/);
    expect(() => appCodec([{ name: 'paths', codec: sliceCodec({ x: idField('view') }) }])).toThrow(/"view"/);
    expect(() => appCodec([])).toThrow();
  });
});
