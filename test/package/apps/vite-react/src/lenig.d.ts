// lenig's elements in React's JSX: typed tags, properties, attributes and on<event> handlers.
import type {} from 'lenig/jsx/react';
