interface RadioGroupProps<T extends string> {
  name: string;
  legend: string;
  options: readonly T[];
  value: T;
  label: (option: T) => string;
  hint?: (option: T) => string;
  onChange: (value: T) => void;
  /** Shows the legend only to assistive technology when the surrounding layout already says it. */
  hideLegend?: boolean;
  inline?: boolean;
}

/** A fieldset of native radios: arrow keys move between options for free. */
export function RadioGroup<T extends string>(props: RadioGroupProps<T>) {
  const { name, legend, options, value, label, hint, onChange, hideLegend, inline } = props;
  return (
    <fieldset class={inline ? 'radio-group inline' : 'radio-group'}>
      <legend class={hideLegend ? 'visually-hidden' : undefined}>{legend}</legend>
      {options.map((option) => {
        const id = `${name}-${option}`;
        return (
          <div class="radio" key={option}>
            <input
              type="radio"
              id={id}
              name={name}
              value={option}
              checked={option === value}
              aria-describedby={hint ? `${id}-hint` : undefined}
              onChange={() => onChange(option)}
            />
            <label for={id}>{label(option)}</label>
            {hint && (
              <span class="hint" id={`${id}-hint`}>
                {hint(option)}
              </span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
