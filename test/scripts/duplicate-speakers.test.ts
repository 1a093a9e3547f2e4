import t from 'tap'
import { duplicateSpeakers, type SpeakerCount } from '../../scripts/duplicate-speakers.js'

const person = (name: string, quotes = 1): SpeakerCount => ({ name, kind: 'person', quotes })
const body = (name: string, quotes = 1): SpeakerCount => ({ name, kind: 'organisation', quotes })
const names = (list: readonly SpeakerCount[]) => list.map((speaker) => speaker.name).sort()

t.test('a one-word name duplicates a longer name of its own kind only', async (t) => {
  const { surnameOnly } = duplicateSpeakers([
    person('Ilse Marsh', 40),
    person('Marsh', 6),
    body('Harbour Council', 9),
    body('Council', 3),
    person('Tomas Brell on KVRT'),
    body('KVRT', 20),
    person('Brell'),
    body('Harbour Brell'),
  ])
  t.same(
    names(surnameOnly),
    ['Council', 'Marsh'],
    'the broadcaster is no duplicate of a misread person, nor a person of a body',
  )
})

t.test('words kept before another speaker’s name, or a body’s acronym ending a person’s name', async (t) => {
  const { polluted } = duplicateSpeakers([
    person('Jane Roe', 12),
    person('of State Jane Roe', 2),
    person('Tomas Brell on KVRT'),
    person('Photo Desk QNN'),
    body('KVRT', 20),
    body('QNN', 4),
    person('Mark Pell'),
    person('Pell'),
    body('Harbour Trust KVRT'),
  ])
  t.same(names(polluted), ['Photo Desk QNN', 'Tomas Brell on KVRT', 'of State Jane Roe'])
})
