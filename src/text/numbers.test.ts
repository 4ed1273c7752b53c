import { describe, expect, it } from 'vitest';
import { numberToWords, readDecimal, readDigits, readFraction, readInteger, readOrdinal } from './numbers.ts';

describe('readInteger (Northern reading: nghìn, linh, mốt, tư, lăm)', () => {
  it.each([
    ['0', 'không'],
    ['1', 'một'],
    ['4', 'bốn'],
    ['5', 'năm'],
    ['9', 'chín'],
    ['10', 'mười'],
    ['11', 'mười một'],
    ['14', 'mười bốn'],
    ['15', 'mười lăm'],
    ['19', 'mười chín'],
    ['20', 'hai mươi'],
    ['21', 'hai mươi mốt'],
    ['24', 'hai mươi tư'],
    ['25', 'hai mươi lăm'],
    ['30', 'ba mươi'],
    ['31', 'ba mươi mốt'],
    ['44', 'bốn mươi tư'],
    ['45', 'bốn mươi lăm'],
    ['50', 'năm mươi'],
    ['55', 'năm mươi lăm'],
    ['75', 'bảy mươi lăm'],
    ['99', 'chín mươi chín'],
    ['100', 'một trăm'],
    ['101', 'một trăm linh một'],
    ['104', 'một trăm linh bốn'],
    ['105', 'một trăm linh năm'],
    ['110', 'một trăm mười'],
    ['111', 'một trăm mười một'],
    ['115', 'một trăm mười lăm'],
    ['120', 'một trăm hai mươi'],
    ['121', 'một trăm hai mươi mốt'],
    ['300', 'ba trăm'],
    ['456', 'bốn trăm năm mươi sáu'],
    ['473', 'bốn trăm bảy mươi ba'],
    ['638', 'sáu trăm ba mươi tám'],
    ['749', 'bảy trăm bốn mươi chín'],
    ['1000', 'một nghìn'],
    ['1001', 'một nghìn không trăm linh một'],
    ['1005', 'một nghìn không trăm linh năm'],
    ['1010', 'một nghìn không trăm mười'],
    ['1015', 'một nghìn không trăm mười lăm'],
    ['1200', 'một nghìn hai trăm'],
    ['1405', 'một nghìn bốn trăm linh năm'],
    ['1995', 'một nghìn chín trăm chín mươi lăm'],
    ['2000', 'hai nghìn'],
    ['2017', 'hai nghìn không trăm mười bảy'],
    ['2021', 'hai nghìn không trăm hai mươi mốt'],
    ['2022', 'hai nghìn không trăm hai mươi hai'],
    ['2025', 'hai nghìn không trăm hai mươi lăm'],
    ['2030', 'hai nghìn không trăm ba mươi'],
    ['2300', 'hai nghìn ba trăm'],
    ['10000', 'mười nghìn'],
    ['13000', 'mười ba nghìn'],
    ['64500', 'sáu mươi tư nghìn năm trăm'],
    ['78816', 'bảy mươi tám nghìn tám trăm mười sáu'],
    ['100000', 'một trăm nghìn'],
    ['200000', 'hai trăm nghìn'],
    ['600000', 'sáu trăm nghìn'],
    ['827000', 'tám trăm hai mươi bảy nghìn'],
    ['1000000', 'một triệu'],
    ['1000005', 'một triệu không trăm linh năm'],
    ['1050000', 'một triệu không trăm năm mươi nghìn'],
    ['5600000', 'năm triệu sáu trăm nghìn'],
    ['86700000', 'tám mươi sáu triệu bảy trăm nghìn'],
    ['108600', 'một trăm linh tám nghìn sáu trăm'],
    ['442000', 'bốn trăm bốn mươi hai nghìn'],
    ['1000000000', 'một tỷ'],
    ['1000000005', 'một tỷ không trăm linh năm'],
    ['2500000000', 'hai tỷ năm trăm triệu'],
    ['1200000000000', 'một nghìn hai trăm tỷ'],
    ['1000000000000000', 'một triệu tỷ'],
  ])('%s → %s', (digits, words) => {
    expect(readInteger(digits)).toBe(words);
  });

  it.each([
    ['02', 'không hai'],
    ['06', 'không sáu'],
    ['007', 'không không bảy'],
    ['00', 'không không'],
    ['1234567890123456789', 'một hai ba bốn năm sáu bảy tám chín không một hai ba bốn năm sáu bảy tám chín'],
  ])('codes and over-long runs are read digit by digit: %s', (digits, words) => {
    expect(readInteger(digits)).toBe(words);
  });

  it('reads an empty string as nothing', () => {
    expect(readInteger('')).toBe('');
  });
});

describe('decimals, fractions, digits, ordinals', () => {
  it.each([
    ['37', '32', 'ba mươi bảy phẩy ba mươi hai'],
    ['2', '7', 'hai phẩy bảy'],
    ['0', '5', 'không phẩy năm'],
    ['1', '05', 'một phẩy không năm'],
    ['99', '6', 'chín mươi chín phẩy sáu'],
    ['57', '25', 'năm mươi bảy phẩy hai mươi lăm'],
    ['3', '14159', 'ba phẩy một bốn một năm chín'],
    ['45', '1', 'bốn mươi lăm phẩy một'],
    ['10', '0', 'mười phẩy không'],
  ])('%s,%s → %s', (whole, fraction, words) => {
    expect(readDecimal(whole, fraction)).toBe(words);
  });

  it.each([
    ['0', 'không'],
    ['00', 'không không'],
    ['125', 'một trăm hai mươi lăm'],
    ['005', 'không không năm'],
  ])('fraction digits %s → %s', (digits, words) => {
    expect(readFraction(digits)).toBe(words);
  });

  it('reads digits one by one, skipping separators', () => {
    expect(readDigits('0912 345')).toBe('không chín một hai ba bốn năm');
  });

  it.each([
    [1, 'nhất'],
    [2, 'hai'],
    [3, 'ba'],
    [4, 'tư'],
    [5, 'năm'],
    [13, 'mười ba'],
    [24, 'hai mươi tư'],
  ])('ordinal %i → thứ %s', (n, words) => {
    expect(readOrdinal(n)).toBe(words);
  });

  it('numberToWords reads safe integers and rejects others', () => {
    expect(numberToWords(2021)).toBe('hai nghìn không trăm hai mươi mốt');
    expect(() => numberToWords(-1)).toThrow(RangeError);
    expect(() => numberToWords(1.5)).toThrow(RangeError);
  });
});
