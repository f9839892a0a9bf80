import {
  ActionIcon,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { isApiProblem } from '../../api/problem';
import { PageHeader } from '../../components/page-header';
import { rupeesToPaise } from '../../lib/format';
import { showSubmitError } from '../../lib/forms';
import { QuoteResult } from './quote-result';
import { useQuote, useRateCardInForce, type QuoteRequest } from './pricing.queries';

interface BoxDraft {
  key: number;
  weightGrams: number | string;
  lengthCm: number | string;
  widthCm: number | string;
  heightCm: number | string;
}

const returnReasons = [
  { value: 'defective', label: 'Defective part (brand pays)' },
  { value: 'wrong_part', label: 'Wrong part sent (brand pays)' },
  { value: 'damaged', label: 'Damaged part (brand pays)' },
  { value: 'excess_stock', label: 'Excess stock (partner pays)' },
  { value: 'customer_return', label: 'Customer return (customer pays)' },
];

let nextKey = 1;
const blankBox = (): BoxDraft => ({
  key: nextKey++,
  weightGrams: '',
  lengthCm: '',
  widthCm: '',
  heightCm: '',
});
const whole = (value: number | string) => (typeof value === 'number' ? value : Number.NaN);

/** Price a shipment before booking it: the breakdown line by line, zone and chargeable weight. */
export function QuotePage() {
  const card = useRateCardInForce();
  const quote = useQuote();
  const [origin, setOrigin] = useState('');
  const [destination, setDestination] = useState('');
  const [serviceType, setServiceType] = useState<string | null>(null);
  const [cod, setCod] = useState('');
  const [kind, setKind] = useState<'forward' | 'reverse'>('forward');
  const [reason, setReason] = useState<string | null>(null);
  const [boxes, setBoxes] = useState<BoxDraft[]>(() => [blankBox()]);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const services = card.data?.services.map((s) => ({ value: s.serviceType, label: s.label })) ?? [];
  const setBox = (key: number, field: keyof Omit<BoxDraft, 'key'>, value: number | string) =>
    setBoxes((all) => all.map((box) => (box.key === key ? { ...box, [field]: value } : box)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const codPaise = cod.trim() === '' ? 0 : rupeesToPaise(cod);
    if (codPaise === null) {
      setErrors({ codAmountPaise: 'Enter an amount in rupees, e.g. 2,000 or 1500.50' });
      return;
    }
    setErrors({});
    const body: QuoteRequest = {
      originPincode: origin.trim(),
      destinationPincode: destination.trim(),
      ...(serviceType ? { serviceType } : {}),
      ...(codPaise > 0 ? { codAmountPaise: codPaise } : {}),
      shipmentKind: kind,
      ...(kind === 'reverse' && reason
        ? { returnReason: reason as NonNullable<QuoteRequest['returnReason']> }
        : {}),
      boxes: boxes.map((box) => ({
        weightGrams: whole(box.weightGrams),
        lengthCm: whole(box.lengthCm),
        widthCm: whole(box.widthCm),
        heightCm: whole(box.heightCm),
      })),
    };
    quote.mutate(body, {
      onError: (error) => {
        if (isApiProblem(error) && Object.keys(error.fieldErrorMap()).length > 0)
          setErrors(error.fieldErrorMap());
        else showSubmitError(null, error);
      },
    });
  };

  return (
    <Stack gap="md">
      <PageHeader
        title="Shipping quote"
        description="What a shipment costs on the rate card in force, and why: zone, chargeable weight and every charge."
      />
      <Card
        withBorder
        padding="md"
        component="form"
        onSubmit={submit}
        noValidate
        aria-label="Quote"
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label="From PIN code"
              inputMode="numeric"
              maxLength={6}
              required
              value={origin}
              onChange={(e) => setOrigin(e.currentTarget.value)}
              error={errors.originPincode}
            />
            <TextInput
              label="To PIN code"
              inputMode="numeric"
              maxLength={6}
              required
              value={destination}
              onChange={(e) => setDestination(e.currentTarget.value)}
              error={errors.destinationPincode}
            />
            <Select
              label="Service"
              placeholder={services[0] ? `${services[0].label} (default)` : 'Default service'}
              clearable
              data={services}
              value={serviceType}
              onChange={setServiceType}
              error={errors.serviceType}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label="Cash on delivery (₹)"
              description="Leave empty for prepaid"
              inputMode="decimal"
              value={cod}
              onChange={(e) => setCod(e.currentTarget.value)}
              error={errors.codAmountPaise}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="shipment-kind-label">
                Direction
              </Text>
              <SegmentedControl
                aria-labelledby="shipment-kind-label"
                value={kind}
                onChange={(value) => setKind(value as 'forward' | 'reverse')}
                data={[
                  { value: 'forward', label: 'Forward' },
                  { value: 'reverse', label: 'Return' },
                ]}
              />
            </Stack>
            {kind === 'reverse' && (
              <Select
                label="Return reason"
                description="Decides who pays"
                required
                data={returnReasons}
                value={reason}
                onChange={setReason}
                error={errors.returnReason}
              />
            )}
          </SimpleGrid>
          {boxes.map((box, i) => {
            const n = i + 1;
            const err = (field: string) => errors[`boxes.${i}.${field}`];
            return (
              <Card key={box.key} withBorder padding="sm" aria-label={`Box ${n}`}>
                <Group justify="space-between" mb={4}>
                  <Text size="sm" fw={600}>
                    Box {n}
                  </Text>
                  {boxes.length > 1 && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove box ${n}`}
                      onClick={() => setBoxes((all) => all.filter((b) => b.key !== box.key))}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  )}
                </Group>
                <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
                  <NumberInput
                    label={`Weight of box ${n} (g)`}
                    min={1}
                    allowDecimal={false}
                    value={box.weightGrams}
                    onChange={(v) => setBox(box.key, 'weightGrams', v)}
                    error={err('weightGrams')}
                  />
                  <NumberInput
                    label={`Length of box ${n} (cm)`}
                    min={1}
                    allowDecimal={false}
                    value={box.lengthCm}
                    onChange={(v) => setBox(box.key, 'lengthCm', v)}
                    error={err('lengthCm')}
                  />
                  <NumberInput
                    label={`Width of box ${n} (cm)`}
                    min={1}
                    allowDecimal={false}
                    value={box.widthCm}
                    onChange={(v) => setBox(box.key, 'widthCm', v)}
                    error={err('widthCm')}
                  />
                  <NumberInput
                    label={`Height of box ${n} (cm)`}
                    min={1}
                    allowDecimal={false}
                    value={box.heightCm}
                    onChange={(v) => setBox(box.key, 'heightCm', v)}
                    error={err('heightCm')}
                  />
                </SimpleGrid>
              </Card>
            );
          })}
          <Group justify="space-between" wrap="wrap">
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              disabled={boxes.length >= 20}
              onClick={() => setBoxes((all) => [...all, blankBox()])}
            >
              Add a box
            </Button>
            <Button type="submit" loading={quote.isPending}>
              Get quote
            </Button>
          </Group>
        </Stack>
      </Card>
      {quote.data && !quote.isPending && <QuoteResult quote={quote.data} />}
    </Stack>
  );
}
