import t from 'tap'
import { findQuotedSegments } from '../../../src/domain/extraction/quote-marks.js'

function contents(text: string): string[] {
  return findQuotedSegments(text).map((segment) => text.slice(segment.start, segment.end))
}

t.test('pairs straight, curly and guillemet marks, marks excluded', async (t) => {
  t.same(contents('He said "yes" and “no” and «peut-être».'), ['yes', 'no', 'peut-être'])
})

t.test('judges a mark by its neighbours when the glyph is wrong', async (t) => {
  t.same(contents('”Wrong glyph opens this,” she said.'), ['Wrong glyph opens this,'])
  t.same(contents('It takes "more hours” to know.'), ['more hours'])
  t.same(contents('a"b" c'), ['b'])
})

t.test('ignores a closing mark with nothing open', async (t) => {
  t.same(contents('stray” mark then "real one"'), ['real one'])
})

t.test('a quotation left open at a paragraph end goes on when the next paragraph opens with a mark', async (t) => {
  const text = '"First paragraph of the speech\n\n"Second paragraph," she said.'
  const segments = findQuotedSegments(text)
  t.same(
    segments.map((s) => text.slice(s.start, s.end)),
    ['First paragraph of the speech', 'Second paragraph,'],
  )
  t.same(
    segments.map((s) => s.continuesPrevious),
    [false, true],
  )
  t.equal(segments[0]?.closeMark, -1)
})

t.test('a quotation left open stops at the paragraph end when the next paragraph is the writer’s', async (t) => {
  const text = 'He wrote "an unfinished thought\nThen the story goes on.'
  t.same(contents(text), ['an unfinished thought'])
})

t.test('an opening mark of the same style inside an open quotation restarts it', async (t) => {
  t.same(contents('"One, "Two."'), ['One,', 'Two.'])
})

t.test('a quotation open at the end of the text ends there', async (t) => {
  t.same(contents('She said "and then nothing  '), ['and then nothing'])
  t.same(contents('"Open at the end\n'), ['Open at the end'])
})

t.test('finds single-quoted and differently styled double-quoted words inside a quotation', async (t) => {
  const text = '"He asked ‘why not?’ and the form read “As you know” before it was 5 o\'clock for the voters\' rights."'
  const [segment] = findQuotedSegments(text)
  t.same(
    segment?.inner.map((inner) => text.slice(inner.start, inner.end)),
    ['why not?', 'As you know'],
  )
})

t.test('a straight apostrophe closes a curly single quotation', async (t) => {
  const text = "“And I said ‘No, President Trump.'”"
  const [segment] = findQuotedSegments(text)
  t.same(
    segment?.inner.map((inner) => text.slice(inner.start, inner.end)),
    ['No, President Trump.'],
  )
})

t.test('a markup value is no quotation, nor is the markup after it', async (t) => {
  t.same(contents('<span data-note="checked">The rally drew a crowd.</span> She said "we won" there.'), ['we won'])
  t.same(contents('<a title=“curly value”>link</a> and “a real one”'), ['a real one'])
  // A value left open on its line is skipped alone: the next line is read as usual.
  t.same(contents('<a href="broken>link</a>\nShe said "we won" there.'), ['we won'])
  t.same(contents('She said "we won" there. <a href="broken'), ['we won'], 'or on the last line')
})
