/**
 * A menu button (WAI-ARIA Authoring Practices, "Menu Button"): the button has aria-haspopup and
 * aria-expanded; the menu and its items have roles menu and menuitem. Enter, Space, click or Down
 * open the menu on its first item, Up on its last; Down, Up, Home and End move (wrapping); Escape
 * closes it and returns focus to the button; Tab or a click elsewhere closes it. A disabled item
 * stays focusable, as the pattern asks, so a keyboard user learns it exists.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuItem {
  readonly label: string;
  readonly onSelect: () => void;
  readonly disabled?: boolean;
  /** Why the item is disabled, or what it does: the item's title. */
  readonly hint?: string;
}

export interface MenuButtonProps {
  readonly label: string;
  readonly items: readonly MenuItem[];
  readonly title?: string;
}

export function MenuButton({ label, items, title }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const root = useRef<HTMLSpanElement>(null);
  const menuId = useId();
  const buttonId = useId();

  // Focus follows the active item while the menu is open.
  useEffect(() => {
    if (!open) return;
    const item = menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active];
    item?.focus();
  }, [open, active]);

  // A press anywhere outside closes the menu (focus stays where the user put it).
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => document.removeEventListener('pointerdown', onPointer, true);
  }, [open]);

  const show = (index: number) => {
    setActive(index);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const choose = (item: MenuItem) => {
    if (item.disabled) return;
    close(true);
    item.onSelect();
  };

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      show(e.key === 'ArrowDown' ? 0 : items.length - 1);
    }
  };

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const last = items.length - 1;
    let next: number | undefined;
    if (e.key === 'ArrowDown') next = active >= last ? 0 : active + 1;
    else if (e.key === 'ArrowUp') next = active <= 0 ? last : active - 1;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = last;
    else if (e.key === 'Escape') {
      e.preventDefault();
      // The Escape must not also close a dialog or reach the editor behind the menu.
      e.stopPropagation();
      close(true);
      return;
    } else if (e.key === 'Tab') {
      close(false);
      return;
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const item = items[active];
      if (item) choose(item);
      return;
    }
    if (next !== undefined) {
      e.preventDefault();
      setActive(next);
    }
  };

  return (
    <span className="menu-button" ref={root}>
      <button
        ref={button}
        id={buttonId}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={title}
        onClick={() => (open ? close(false) : show(0))}
        onKeyDown={onButtonKey}
      >
        {label}
        <span className="menu-button__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open ? (
        <ul
          ref={menu}
          id={menuId}
          role="menu"
          aria-labelledby={buttonId}
          className="menu"
          onKeyDown={onMenuKey}
        >
          {items.map((item, k) => (
            <li
              key={item.label}
              role="menuitem"
              tabIndex={k === active ? 0 : -1}
              aria-disabled={item.disabled ? true : undefined}
              title={item.hint}
              className="menu__item"
              onClick={() => choose(item)}
              onPointerMove={() => (k === active ? undefined : setActive(k))}
            >
              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
    </span>
  );
}
